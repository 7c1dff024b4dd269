#include "core/workflow/dossierrepository.h"

// Implementation in progress (issue 4).
