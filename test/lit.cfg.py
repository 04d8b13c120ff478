# lit configuration for hybridc's golden and end-to-end tests.
#   %hybridc     the compiler under test
#   FileCheck, not, count   LLVM's test tools (llvm-19-tools)
#   %cc          the host C compiler;  %run-aarch64  qemu runner
import os
import shutil
import lit.formats

config.name = "hybridc"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".hy", ".test"]
config.excludes = ["Inputs", "refs", "lit.cfg.py"]
config.test_source_root = os.path.dirname(__file__)

site = lit_config.params.get("hybridc_site")
if site:
    exec(open(site).read())
else:
    lit_config.fatal("run through ctest (needs --param hybridc_site=...)")

config.test_exec_root = os.path.join(
    binary_dir, "test", "lit-out-interp" if lit_config.params.get("e2e_interp") == "1" else "lit-out")
config.environment["PATH"] = os.pathsep.join(
    [llvm_tools_dir, config.environment.get("PATH", os.environ.get("PATH", ""))])
config.environment["HYBRIDC_NUM_THREADS"] = os.environ.get("HYBRIDC_NUM_THREADS", "")
# %e2e compiles a kernel, links it into a generated C driver, runs it and
# compares with the numpy reference given by --ref (test/e2e/run.py).
numpy_python = "/usr/bin/python3" if os.path.exists("/usr/bin/python3") else "python3"
# Every compile in the suite also verifies the IR after each pass.
# With --param e2e_interp=1 every %e2e line runs the kernel in `hybridc run`
# (the interpreter) instead, unscheduled and scheduled: ctest's "lit: e2e
# (hybridc run)" entry.
interp_flag = " --interp" if lit_config.params.get("e2e_interp") == "1" else ""
# %e2e-compiled always runs the compiled kernel: the benchmark-sized kernels
# of bench_kernels.test take minutes in the interpreter (their primitives
# run there at test sizes in the other e2e tests).
config.substitutions.append(("%e2e-compiled", "%s %s/test/e2e/run.py --hybridc %s"
                             % (numpy_python, source_dir, hybridc)))
config.substitutions.append(("%e2e", "%s %s/test/e2e/run.py --hybridc %s%s"
                             % (numpy_python, source_dir, hybridc, interp_flag)))
config.substitutions.append(("%hybridc", hybridc))
config.substitutions.append(("%srcroot", source_dir))
config.substitutions.append(("%cc", "cc"))
config.substitutions.append(("%aarch64-cc", "aarch64-linux-gnu-gcc"))
config.substitutions.append(("%run-aarch64", "qemu-aarch64 -L /usr/aarch64-linux-gnu"))
# Diagnostics are compared without color and independent of the terminal.
config.environment["TERM"] = "dumb"

# Tools that some tests need: missing ones make those tests UNSUPPORTED, and
# the suite prints them loudly (lit -sv lists unsupported tests).
ptxas = shutil.which("ptxas") or ("/usr/local/cuda/bin/ptxas" if os.path.exists("/usr/local/cuda/bin/ptxas") else None)
if ptxas:
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", ptxas))
else:
    lit_config.note("ptxas not found: the cuda PTX-assembly tests are UNSUPPORTED (skipped)")
if shutil.which("qemu-aarch64") and shutil.which("aarch64-linux-gnu-gcc"):
    config.available_features.add("aarch64-run")
