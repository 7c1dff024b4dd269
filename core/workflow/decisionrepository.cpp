#include "core/workflow/decisionrepository.h"

// Implementation in progress (issue 4).
