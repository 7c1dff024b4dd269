#include "core/workflow/councilrepository.h"

// Implementation in progress (issue 4).
