# Non-maximum suppression written from the algorithm: keep the boxes whose
# score passes a threshold (compaction through a counter), order them by
# score (insertion sort: loads and stores of one buffer at data-dependent
# indices, a while loop with a short-circuit bound), then greedily keep a
# box unless it overlaps an already kept one by more than iou_thr (an early
# break out of the search), at most max_out boxes.
# RUN: %e2e %s --ref %S/nms.py --function nms --workdir %t.nms
# RUN: %e2e %s --ref %S/nms.py --function nms --workdir %t.nms.O0 --seed 2 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/nms.json --ref %S/nms.py --function nms --workdir %t.nms.s --seed 3
# RUN: %e2e %s --schedule %S/Inputs/nms.json --ref %S/nms.py --function nms --target aarch64 --workdir %t.nms.a64 --seed 4
# RUN: %e2e %s --ref %S/nms.py --function nms_batch --workdir %t.nms_batch
# RUN: %e2e %s --ref %S/nms.py --function nms_batch --workdir %t.nms_batch.O0 --seed 2 -- -O0
# RUN: %e2e %s --schedule %S/Inputs/nms.json --ref %S/nms.py --function nms_batch --workdir %t.nms_batch.s --seed 3
# RUN: %e2e %s --schedule %S/Inputs/nms.json --ref %S/nms.py --function nms_batch --target aarch64 --workdir %t.nms_batch.a64 --seed 4
def nms(n: int32, boxes: float32[n, 4], scores: float32[n], score_thr: float32, iou_thr: float32,
        max_out: int32):
    keep = output_tensor((n,), 'int32')
    kept_boxes = output_tensor((n, 4), 'float32')
    count = output_tensor((1,), 'int32')
    order = allocate((n,), 'int32')
    nvalid = 0
    for i in range(n):
        keep[i] = -1
        for c in range(4):
            kept_boxes[i, c] = 0.0
        if scores[i] > score_thr:
            order[nvalid] = i
            nvalid += 1
    for v in range(1, nvalid):
        cur = order[v]
        p = v - 1
        while p >= 0 and scores[order[p]] < scores[cur]:
            order[p + 1] = order[p]
            p -= 1
        order[p + 1] = cur
    nkeep = 0
    for v in range(nvalid):
        if nkeep >= max_out:
            break
        b = order[v]
        area_b = (boxes[b, 2] - boxes[b, 0]) * (boxes[b, 3] - boxes[b, 1])
        suppressed = 0
        for q in range(nkeep):
            k = keep[q]
            w = min(boxes[b, 2], boxes[k, 2]) - max(boxes[b, 0], boxes[k, 0])
            h = min(boxes[b, 3], boxes[k, 3]) - max(boxes[b, 1], boxes[k, 1])
            if w > 0.0 and h > 0.0:
                inter = w * h
                area_k = (boxes[k, 2] - boxes[k, 0]) * (boxes[k, 3] - boxes[k, 1])
                if inter > iou_thr * (area_b + area_k - inter):
                    suppressed = 1
                    break
        if suppressed == 0:
            keep[nkeep] = b
            for c in range(4):
                kept_boxes[nkeep, c] = boxes[b, c]
            nkeep += 1
    count[0] = nkeep
    return keep, kept_boxes, count

# The batched form real detectors use: one independent NMS per image, the
# per-image counters and the order buffer private to the batch loop (so it
# can run in parallel).
def nms_batch(boxes: float32[3, 40, 4], scores: float32[3, 40], score_thr: float32, iou_thr: float32):
    keep = output_tensor((3, 40), 'int32')
    count = output_tensor((3,), 'int32')
    for bt in range(3):
        order = allocate((40,), 'int32')
        nvalid = 0
        for i in range(40):
            keep[bt, i] = -1
            if scores[bt, i] > score_thr:
                order[nvalid] = i
                nvalid += 1
        for v in range(1, nvalid):
            cur = order[v]
            p = v - 1
            while p >= 0 and scores[bt, order[p]] < scores[bt, cur]:
                order[p + 1] = order[p]
                p -= 1
            order[p + 1] = cur
        nkeep = 0
        for v in range(nvalid):
            b = order[v]
            area_b = (boxes[bt, b, 2] - boxes[bt, b, 0]) * (boxes[bt, b, 3] - boxes[bt, b, 1])
            suppressed = 0
            for q in range(nkeep):
                k = keep[bt, q]
                w = min(boxes[bt, b, 2], boxes[bt, k, 2]) - max(boxes[bt, b, 0], boxes[bt, k, 0])
                h = min(boxes[bt, b, 3], boxes[bt, k, 3]) - max(boxes[bt, b, 1], boxes[bt, k, 1])
                if w > 0.0 and h > 0.0:
                    inter = w * h
                    area_k = (boxes[bt, k, 2] - boxes[bt, k, 0]) * (boxes[bt, k, 3] - boxes[bt, k, 1])
                    if inter > iou_thr * (area_b + area_k - inter):
                        suppressed = 1
                        break
            if suppressed == 0:
                keep[bt, nkeep] = b
                nkeep += 1
        count[bt] = nkeep
    return keep, count
