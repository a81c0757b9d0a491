#!/usr/bin/env Rscript
# Fuzz comparison against metafor: random datasets (seeded) including the edge cases of issue
# 17 (two studies, identical effects, equal variances, variances from 1e-12 to 1e7, the
# extreme-ratio and censored-interval data), fitted with every estimator (z-test; REML and DL
# also with knha). Recorded: rma() results, predict() and the exact Q-profile interval.
# Kept small so the golden regeneration stays well under a minute for this part.
#
# Usage: Rscript tests/meta/golden/make_golden_fuzz.R [OUTDIR]  (also run by make_golden.R)

suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
script_dir <- local({
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(file_arg)) dirname(normalizePath(sub("^--file=", "", file_arg[1]))) else "."
})
outdir <- if (length(args) >= 1) args[1] else script_dir
source(file.path(script_dir, "json_writer.R"))
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

RETRY <- list(stepadj = 0.5, maxiter = 1000)
FITS <- list(c("EE", "z"), c("DL", "z"), c("HE", "z"), c("HS", "z"), c("SJ", "z"), c("REML", "adhoc"),
             c("PM", "z"), c("ML", "z"), c("REML", "z"), c("EB", "z"), c("REML", "knha"),
             c("DL", "knha"))

fit_record <- function(yi, vi, method, test) {
  res <- tryCatch(suppressWarnings(rma(yi, vi, method = method, test = test)), error = function(e) e)
  retried <- FALSE
  if (inherits(res, "error") && grepl("Fisher scoring", conditionMessage(res))) {
    res <- tryCatch(suppressWarnings(rma(yi, vi, method = method, test = test, control = RETRY)),
                    error = function(e) e)
    retried <- TRUE
  }
  if (inherits(res, "error")) return(list(method = method, test = test, error = conditionMessage(res)))
  pr <- predict(res)
  out <- list(method = method, test = test, retried = retried, estimate = c(res$beta),
              se = res$se, pval = res$pval, ci_lb = res$ci.lb, ci_ub = res$ci.ub,
              tau2 = res$tau2, I2 = res$I2, H2 = res$H2, QE = res$QE, QEp = res$QEp,
              pi_lb = pr$pi.lb, pi_ub = pr$pi.ub)
  if (!method %in% c("EE", "FE") && res$k > 1) {
    ci <- tryCatch(suppressWarnings(confint(res, control = list(tol = 1e-14))), error = function(e) e)
    if (!inherits(ci, "error")) {
      out$tau2_ci_lb <- ci$random["tau^2", "ci.lb"]
      out$tau2_ci_ub <- ci$random["tau^2", "ci.ub"]
      out$tau2_ci_lb_sign <- ci$lb.sign
      out$tau2_ci_ub_sign <- ci$ub.sign
    }
  }
  out
}

set.seed(17)
datasets <- list(
  list(kind = "extreme ratio (issue 17)", yi = c(0, 1), vi = c(1e-8, 1e4)),
  list(kind = "censored interval (issue 17)",
       yi = c(25.73, -107.43, 143.14, 119.17, -6.89, -24.67, -198.2, 72.67, -163.9),
       vi = c(888, 2.57e-8, 1.23, 2.27e-8, 3.37e-9, 1.54e-5, 5.18, 1.3e-10, 278)),
  list(kind = "two studies", yi = c(0.1, 0.5), vi = c(0.1, 0.2)),
  list(kind = "identical effects", yi = rep(0.3, 8), vi = seq(0.05, 0.4, length.out = 8)),
  list(kind = "equal variances", yi = c(0.1, 0.5, 0.3, 0.9, -0.2), vi = rep(0.1, 5))
)
ks <- c(2, 3, 4, 5, 8, 12, 20, 40)
for (i in seq_len(43)) {
  k <- sample(ks, 1)
  scale <- sample(c("narrow", "wide", "extreme"), 1, prob = c(0.45, 0.35, 0.2))
  vi <- switch(scale,
    narrow = runif(k, 0.01, 0.5),
    wide = exp(runif(k, log(1e-4), log(1e2))),
    extreme = 10^runif(k, -12, 7))
  tau <- sample(c(0, 0.1, 0.5, 2), 1)
  yi <- rnorm(k, rnorm(1, 0, 1), sqrt(vi + tau^2))
  if (runif(1) < 0.1) yi <- round(yi, 1)  # ties
  datasets[[length(datasets) + 1]] <- list(kind = paste("random", scale), yi = yi, vi = vi)
}
cases <- lapply(seq_along(datasets), function(i) {
  d <- datasets[[i]]
  list(id = sprintf("fuzz%02d", i), kind = d$kind, yi = arr(d$yi), vi = arr(d$vi),
       fits = lapply(FITS, function(mt) fit_record(d$yi, d$vi, mt[1], mt[2])))
})
versions <- list(metafor = as.character(packageVersion("metafor")),
                 R = paste(R.version$major, R.version$minor, sep = "."))
writeLines(to_json(list(dataset = "fuzz", versions = versions, cases = cases)),
           file.path(outdir, "fuzz.json"), useBytes = TRUE)
