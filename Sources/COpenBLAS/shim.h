#ifndef LOANBOOK_COPENBLAS_SHIM_H
#define LOANBOOK_COPENBLAS_SHIM_H
#include <cblas.h>

// LAPACK's Cholesky factorisation (OpenBLAS ships LAPACK; Debian has no lapacke.h by default).
void dpotrf_(const char *uplo, const int *n, double *a, const int *lda, int *info);
#endif
