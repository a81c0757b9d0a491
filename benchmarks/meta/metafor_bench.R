#!/usr/bin/env Rscript
# The metafor side of benchmarks/meta/run.py. Usage: Rscript metafor_bench.R DIR REPEATS SINGLE_LOOPS
# Reads DIR/single.csv (yi, vi) and DIR/many.csv (analysis, yi, vi); times rma(method = "REML")
# inside R (proc.time, elapsed) and writes DIR/metafor_timings.csv and DIR/metafor_many.csv.
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
repeats <- as.integer(args[2])
single_loops <- as.integer(args[3])

RETRY <- list(stepadj = 0.5, maxiter = 1000)  # as acupath, when full-step Fisher scoring fails
fit <- function(y, v) {
  r <- tryCatch(rma(y, v, method = "REML"), error = function(e) NULL)
  retried <- FALSE
  if (is.null(r)) {
    r <- rma(y, v, method = "REML", control = RETRY)
    retried <- TRUE
  }
  c(c(r$beta), r$se, r$tau2, r$ci.lb, r$ci.ub, r$I2, r$QE, retried)
}

single <- read.csv(file.path(dir, "single.csv"))
many <- read.csv(file.path(dir, "many.csv"))
groups <- split(many[, c("yi", "vi")], factor(many$analysis, levels = unique(many$analysis)))
ys <- lapply(groups, function(g) g$yi)
vs <- lapply(groups, function(g) g$vi)

timings <- data.frame(task = character(), seconds = numeric())
invisible(fit(single$yi, single$vi))  # warm-up
for (r in seq_len(repeats)) {
  t0 <- proc.time()[["elapsed"]]
  for (i in seq_len(single_loops)) fit(single$yi, single$vi)
  timings[nrow(timings) + 1, ] <- list("single_per_fit", (proc.time()[["elapsed"]] - t0) / single_loops)
}
out <- NULL
for (r in seq_len(repeats)) {
  t0 <- proc.time()[["elapsed"]]
  res <- vapply(seq_along(ys), function(i) fit(ys[[i]], vs[[i]]), numeric(8))
  timings[nrow(timings) + 1, ] <- list("many_total", proc.time()[["elapsed"]] - t0)
  out <- res
}
write.csv(timings, file.path(dir, "metafor_timings.csv"), row.names = FALSE)
res <- t(out)
colnames(res) <- c("estimate", "se", "tau2", "ci_lower", "ci_upper", "i2", "q", "retried")
write.csv(format(as.data.frame(res), digits = 17), file.path(dir, "metafor_many.csv"),
          row.names = FALSE, quote = FALSE)
cat(sprintf("metafor %s, R %s.%s\n", packageVersion("metafor"), R.version$major, R.version$minor))
