# RUN: not %hybridc --syntax-only %s 2>&1 | FileCheck %s
# Python's rule: indentation must compare the same way with tab size 8 and
# tab size 1. Here a tab (the first line of the body) is followed by 8 spaces.
def f(a: float32[10]):
	b = output_tensor((10,), 'float32')
        for i in range(10):
		b[i] = a[i]
	return b
# CHECK: fail_mixed_tabs_spaces.hy:[[@LINE-3]]:9: error: inconsistent use of tabs and spaces in indentation [MixedTabsSpaces]
# CHECK: 1 error generated.
