#!/usr/bin/env Rscript
# Golden values for Mantel-Haenszel and Peto pooling: metafor's rma.mh() and rma.peto() with
# their defaults, and RevMan's random-effects analysis after MH (DerSimonian-Laird tau2 from
# the MH-based Q, computed here from rma.mh's QE and passed to rma(..., tau2 = )).
#
# Usage: Rscript tests/meta/golden/make_golden_mh.R [OUTDIR]  (also run by make_golden.R)

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

pooled <- function(res) {
  list(estimate = c(res$beta), se = res$se, zval = res$zval, pval = res$pval,
       ci_lb = res$ci.lb, ci_ub = res$ci.ub, QE = res$QE, QEp = res$QEp, I2 = res$I2,
       H2 = res$H2, k_yi = res$k.yi, weights = vec(weights(res)))
}

revman_random <- function(res, measure, d) {
  es <- suppressWarnings(escalc(measure, ai = d$ai, bi = d$bi, ci = d$ci, di = d$di,
                                add = 1/2, to = "only0", drop00 = TRUE))
  ok <- !is.na(es$yi)
  w <- 1 / es$vi[ok]
  df <- res$k.yi - 1
  tau2 <- if (df > 0) max(0, (res$QE - df) / (sum(w) - sum(w^2) / sum(w))) else 0
  re <- rma(es$yi[ok], es$vi[ok], tau2 = tau2)
  list(tau2 = tau2, estimate = c(re$beta), se = re$se, zval = re$zval, pval = re$pval,
       ci_lb = re$ci.lb, ci_ub = re$ci.ub, weights = vec(weights(re)))
}

safe <- function(expr) tryCatch(suppressWarnings(expr), error = function(e) list(error = conditionMessage(e)))

four <- function(ai, bi, ci, di) data.frame(ai = ai, bi = bi, ci = ci, di = di)
from_n <- function(ai, n1i, ci, n2i) four(ai, n1i - ai, ci, n2i - ci)

sets <- list(
  bcg = with(dat.bcg, four(tpos, tneg, cpos, cneg)),
  lee2004 = with(dat.lee2004, from_n(ai, n1i, ci, n2i)),
  nielweise2007 = with(dat.nielweise2007, from_n(ai, n1i, ci, n2i)),
  hahn2001 = with(dat.hahn2001, from_n(ai, n1i, ci, n2i)),
  li2007 = with(dat.li2007, from_n(ai, n1i, ci, n2i)),
  lau1992 = with(dat.lau1992, from_n(ai, n1i, ci, n2i)),
  egger2001 = with(dat.egger2001, from_n(ai, n1i, ci, n2i)),
  graves2010 = with(dat.graves2010, from_n(ai, n1i, ci, n2i)),
  laopaiboon2015 = with(dat.laopaiboon2015, from_n(ai, n1i, ci, n2i)),
  dorn2007 = with(dat.dorn2007, from_n(x.a, n.a, x.p, n.p)),
  hine1989 = with(dat.hine1989, from_n(ai, n1i, ci, n2i)),
  linde2005 = with(dat.linde2005, from_n(ai, n1i, ci, n2i)),
  # Not from metadat: a table with only events in both groups, one without events, zero cells.
  synthetic_edges = four(c(10, 0, 3, 5, 0), c(0, 20, 7, 15, 12), c(12, 0, 0, 9, 2), c(0, 18, 10, 11, 10))
)

cases <- list()
for (name in names(sets)) {
  d <- sets[[name]]
  d <- d[complete.cases(d), , drop = FALSE]
  rec <- list(id = name, columns = list(ai = vec(d$ai), bi = vec(d$bi), ci = vec(d$ci), di = vec(d$di)))
  for (m in c("OR", "RR", "RD")) {
    res <- safe(rma.mh(ai = d$ai, bi = d$bi, ci = d$ci, di = d$di, measure = m))
    if (!is.null(res$error)) {
      rec[[paste0("MH_", m)]] <- res
      next
    }
    out <- pooled(res)
    out$revman_random <- revman_random(res, m, d)
    rec[[paste0("MH_", m)]] <- out
  }
  peto <- safe(rma.peto(ai = d$ai, bi = d$bi, ci = d$ci, di = d$di))
  rec$PETO_OR <- if (!is.null(peto$error)) peto else pooled(peto)
  cases[[length(cases) + 1]] <- rec
}
versions <- list(metafor = as.character(packageVersion("metafor")),
                 metadat = as.character(packageVersion("metadat")),
                 R = paste(R.version$major, R.version$minor, sep = "."))
doc <- list(dataset = "Mantel-Haenszel and Peto", versions = versions, cases = cases)
writeLines(to_json(doc), file.path(outdir, "mh_peto.json"), useBytes = TRUE)
