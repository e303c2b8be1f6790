// An analysis source that reaches up into the workspace: architecture.layers must refuse it.
#include "evograph/workspace/workspace.h"
