// The view that ui/metrics/leans_on_diff.cpp reaches into (a directory git keeps needs a file).
#pragma once
