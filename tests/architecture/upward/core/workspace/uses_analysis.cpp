// The workspace may use the analysis.
#include "evograph/analysis/analyze.h"
