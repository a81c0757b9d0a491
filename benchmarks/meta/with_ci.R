#!/usr/bin/env Rscript
# metafor side of benchmarks/meta/with_ci.py: rma(method = "REML") plus confint() (the
# Q-profile interval for tau2) for the first N analyses of DIR/many.csv, timed inside R.
# Usage: Rscript with_ci.R DIR N [plain]   (plain: rma() alone, no confint(), NA bounds)
# Prints the loop's elapsed and CPU (user + system) seconds.
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
many <- read.csv(file.path(args[1], "many.csv"))
n <- as.integer(args[2])
plain <- length(args) >= 3 && args[3] == "plain"
groups <- split(many[, c("yi", "vi")], factor(many$analysis, levels = unique(many$analysis)))[seq_len(n)]
RETRY <- list(stepadj = 0.5, maxiter = 1000)
fit <- function(g) {
  r <- tryCatch(rma(g$yi, g$vi, method = "REML"), error = function(e) NULL)
  if (is.null(r)) r <- rma(g$yi, g$vi, method = "REML", control = RETRY)
  main <- c(c(r$beta), r$se, r$ci.lb, r$ci.ub, r$tau2, r$I2, r$QE)
  if (plain) return(c(main, NA, NA))
  ci <- confint(r, control = list(tol = 1e-14))
  c(main, ci$random["tau^2", "ci.lb"], ci$random["tau^2", "ci.ub"])
}
t0 <- proc.time()
res <- t(vapply(groups, fit, numeric(9)))
t1 <- proc.time()
elapsed <- t1[["elapsed"]] - t0[["elapsed"]]
cpu <- (t1[["user.self"]] + t1[["sys.self"]]) - (t0[["user.self"]] + t0[["sys.self"]])
colnames(res) <- c("estimate", "se", "ci_lower", "ci_upper", "tau2", "i2", "q",
                   "tau2_ci_lower", "tau2_ci_upper")
write.csv(format(as.data.frame(res), digits = 17), file.path(args[1], "metafor_ci.csv"),
          row.names = FALSE, quote = FALSE)
cat(sprintf("%.6f %.6f\n", elapsed, cpu))
