// A view that includes another view: architecture.layers must refuse it.
#include "diff/diff_viewer.h"
