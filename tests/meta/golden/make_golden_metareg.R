#!/usr/bin/env Rscript
# Golden values for meta-regression: metafor's rma(yi, vi, mods = ~ ...) with several
# estimators and both tests: coefficients (estimate, se, zval, pval, ci), QM with its p,
# residual tau2 with its Q-profile interval, R2, residual Q, I2, H2.
#
# Usage: Rscript tests/meta/golden/make_golden_metareg.R [OUTDIR]  (also run by make_golden.R)

suppressPackageStartupMessages({
  library(metafor)
  library(metadat)
})
args <- commandArgs(trailingOnly = TRUE)
script_dir <- local({
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(file_arg)) dirname(normalizePath(sub("^--file=", "", file_arg[1]))) else "."
})
outdir <- if (length(args) >= 1) args[1] else script_dir
source(file.path(script_dir, "json_writer.R"))
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

vec <- function(x) arr(unname(as.numeric(x)))
METHODS <- c("EE", "DL", "HE", "SJ", "PM", "ML", "REML", "EB")

fit_record <- function(d, mods, method, test) {
  res <- tryCatch(suppressWarnings(rma(yi, vi, mods = mods, data = d, method = method, test = test)),
                  error = function(e) e)
  if (inherits(res, "error")) return(list(method = method, test = test, error = conditionMessage(res)))
  out <- list(method = method, test = test, k = res$k, p = res$p,
              names = arr(rownames(res$beta)), estimate = vec(res$beta), se = vec(res$se),
              zval = vec(res$zval), pval = vec(res$pval), ci_lb = vec(res$ci.lb),
              ci_ub = vec(res$ci.ub), QM = res$QM, QMp = res$QMp, tau2 = res$tau2,
              R2 = if (is.null(res$R2)) NA else res$R2, QE = res$QE, QEp = res$QEp,
              I2 = res$I2, H2 = res$H2)
  if (!method %in% c("EE", "FE")) {
    ci <- tryCatch(confint(res, control = list(tol = 1e-14)), error = function(e) e)
    if (!inherits(ci, "error")) {
      out$tau2_ci_lb <- ci$random["tau^2", "ci.lb"]
      out$tau2_ci_ub <- ci$random["tau^2", "ci.ub"]
      out$tau2_ci_lb_sign <- ci$lb.sign
      out$tau2_ci_ub_sign <- ci$ub.sign
    }
  }
  out
}

bcg <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
cur <- escalc("ROM", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i,
              data = dat.curtis1998)
bang <- dat.bangertdrowns2004[complete.cases(dat.bangertdrowns2004[, c("yi", "vi", "length", "imag")]), ]
mol <- escalc("ZCOR", ri = ri, ni = ni, data = dat.molloy2014)
specs <- list(
  list(id = "bcg_ablat", data = bcg, cols = c("ablat"), mods = ~ ablat),
  list(id = "bcg_ablat_year", data = bcg, cols = c("ablat", "year"), mods = ~ ablat + year),
  list(id = "bcg_alloc", data = bcg, cols = c("alloc"), mods = ~ alloc),
  list(id = "raudenbush_weeks", data = dat.raudenbush1985, cols = c("weeks"), mods = ~ weeks),
  list(id = "curtis_time", data = cur, cols = c("time"), mods = ~ time),
  list(id = "bangertdrowns_length_imag", data = bang, cols = c("length", "imag"), mods = ~ length + imag),
  list(id = "molloy_meanage_quality", data = mol, cols = c("meanage", "quality"), mods = ~ meanage + quality)
)
cases <- list()
for (s in specs) {
  d <- as.data.frame(s$data)
  d <- d[complete.cases(d[, c("yi", "vi", s$cols)]), ]
  colvals <- lapply(s$cols, function(n) if (is.numeric(d[[n]])) vec(d[[n]]) else arr(as.character(d[[n]])))
  names(colvals) <- s$cols
  fits <- list()
  for (m in METHODS) for (t in c("z", "knha")) fits[[length(fits) + 1]] <- fit_record(d, s$mods, m, t)
  cases[[length(cases) + 1]] <- list(id = s$id, yi = vec(d$yi), vi = vec(d$vi), mods = colvals, fits = fits)
}
versions <- list(metafor = as.character(packageVersion("metafor")),
                 metadat = as.character(packageVersion("metadat")),
                 R = paste(R.version$major, R.version$minor, sep = "."))
writeLines(to_json(list(dataset = "meta-regression", versions = versions, cases = cases)),
           file.path(outdir, "metareg.json"), useBytes = TRUE)
