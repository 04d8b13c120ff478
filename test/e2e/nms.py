"""Reference for nms.hy: the same greedy NMS in plain Python/numpy (score
filter with np.nonzero, a stable argsort for the order, float32 overlap
arithmetic as the kernel does it)."""
import numpy as np

N = 60


def inputs(rng):
    xy = rng.uniform(0, 40, (N, 2)).astype(np.float32)
    wh = rng.uniform(4, 16, (N, 2)).astype(np.float32)
    boxes = np.concatenate([xy, xy + wh], axis=1).astype(np.float32)
    return {"n": np.int32(N), "boxes": boxes, "scores": rng.uniform(0, 1, N).astype(np.float32),
            "score_thr": np.float32(0.3), "iou_thr": np.float32(0.35), "max_out": np.int32(15)}


def reference(n, boxes, scores, score_thr, iou_thr, max_out):
    f = np.float32
    valid = np.nonzero(scores > score_thr)[0]
    order = valid[np.argsort(-scores[valid], kind="stable")]
    area = lambda b: f(boxes[b, 2] - boxes[b, 0]) * f(boxes[b, 3] - boxes[b, 1])
    kept = []
    for b in order:
        if len(kept) >= max_out:
            break
        suppressed = False
        for k in kept:
            w = f(min(boxes[b, 2], boxes[k, 2]) - max(boxes[b, 0], boxes[k, 0]))
            h = f(min(boxes[b, 3], boxes[k, 3]) - max(boxes[b, 1], boxes[k, 1]))
            if w > 0 and h > 0:
                inter = f(w * h)
                if inter > f(iou_thr * f(f(area(b) + area(k)) - inter)):
                    suppressed = True
                    break
        if not suppressed:
            kept.append(b)
    keep = np.full(n, -1, np.int32)
    keep[:len(kept)] = kept
    kept_boxes = np.zeros((n, 4), np.float32)
    kept_boxes[:len(kept)] = boxes[kept]
    return keep, kept_boxes, np.array([len(kept)], np.int32)


def inputs_nms_batch(rng):
    per = [inputs(rng) for _ in range(3)]
    return {"boxes": np.stack([p["boxes"][:40] for p in per]), "scores": np.stack([p["scores"][:40] for p in per]),
            "score_thr": np.float32(0.3), "iou_thr": np.float32(0.35)}


def reference_nms_batch(boxes, scores, score_thr, iou_thr):
    keep = np.zeros((3, 40), np.int32)
    count = np.zeros(3, np.int32)
    for bt in range(3):
        k, _, c = reference(40, boxes[bt], scores[bt], score_thr, iou_thr, 40)
        keep[bt], count[bt] = k, c[0]
    return keep, count
