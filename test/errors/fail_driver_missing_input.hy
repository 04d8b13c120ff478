# RUN: not %hybridc --syntax-only %S/Inputs/no_such_kernel.hy 2>&1 | FileCheck %s
# An input that cannot be read is an error without a location (exit 1, not a
# usage error).
# CHECK: {{^}}hybridc: error: cannot open '{{.*}}Inputs/no_such_kernel.hy': No such file or directory [CannotOpenFile]
# CHECK-NEXT: {{^}}1 error generated.
