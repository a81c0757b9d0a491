#!/usr/bin/env Rscript
# Golden values for acupath's RevMan mode, from metafor and base R: rma(..., test = "adhoc")
# (Knapp-Hartung with the ad hoc correction), the prediction interval on t with k - 2 df,
# the Q-based I2 with Higgins & Thompson's (2002) test-based interval, and RevMan 5's SMD
# (approximate Hedges correction 1 - 3/(4N - 9), variance N/(n1 n2) + g^2/(2(N - 3.94))).
# The formulas are written out here independently of the Python code. No published RevMan
# analysis is included: see golden/README.md.
#
# Usage: Rscript tests/meta/golden/make_golden_revman.R [OUTDIR]  (also run by make_golden.R)

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

revman_smd <- function(d) {
  N <- d$n1i + d$n2i
  s <- sqrt(((d$n1i - 1) * d$sd1i^2 + (d$n2i - 1) * d$sd2i^2) / (N - 2))
  g <- (d$m1i - d$m2i) / s * (1 - 3 / (4 * N - 9))
  list(yi = g, vi = N / (d$n1i * d$n2i) + g^2 / (2 * (N - 3.94)))
}

i2_ci <- function(Q, k, level = 0.95) {
  df <- k - 1
  i2 <- max(0, 100 * (Q - df) / Q)
  se <- if (Q > k) 0.5 * (log(Q) - log(df)) / (sqrt(2 * Q) - sqrt(2 * k - 3)) else
    sqrt(1 / (2 * (k - 2)) * (1 - 1 / (3 * (k - 2)^2)))
  z <- qnorm(1 - (1 - level) / 2)
  h <- exp(0.5 * log(Q / df) + c(-1, 1) * z * se)
  h <- pmax(1, h)
  c(i2, 100 * (h^2 - 1) / h^2)
}

cont <- c("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i")
sets <- list(
  list(id = "bcg_RR", measure = "RR",
       data = with(dat.bcg, data.frame(ai = tpos, bi = tneg, ci = cpos, di = cneg))),
  list(id = "lee2004_RR", measure = "RR", data = dat.lee2004[, c("ai", "n1i", "ci", "n2i")]),
  list(id = "hine1989_RD", measure = "RD", data = dat.hine1989[, c("ai", "n1i", "ci", "n2i")]),
  list(id = "normand1999_SMD", measure = "SMD", data = dat.normand1999[, cont]),
  list(id = "gibson2002_SMD", measure = "SMD",
       data = dat.gibson2002[complete.cases(dat.gibson2002[, cont]), cont])
)
cases <- list()
for (s in sets) {
  d <- as.data.frame(s$data)
  if (s$measure == "SMD") {
    es <- revman_smd(d)
  } else if ("bi" %in% names(d)) {
    es <- escalc(s$measure, ai = d$ai, bi = d$bi, ci = d$ci, di = d$di, drop00 = s$measure != "RD")
  } else {
    es <- escalc(s$measure, ai = d$ai, n1i = d$n1i, ci = d$ci, n2i = d$n2i, drop00 = s$measure != "RD")
  }
  yi <- as.numeric(es$yi); vi <- as.numeric(es$vi)
  ok <- !is.na(yi)
  yi <- yi[ok]; vi <- vi[ok]
  fits <- list()
  for (m in c("REML", "DL")) {
    r <- rma(yi, vi, method = m, test = "adhoc")
    k <- r$k
    half <- qt(1 - 0.05 / 2, k - 2) * sqrt(r$se^2 + r$tau2)
    i2 <- i2_ci(r$QE, k)
    fits[[length(fits) + 1]] <- list(method = m, estimate = c(r$beta), se = r$se, pval = r$pval,
      ci_lb = r$ci.lb, ci_ub = r$ci.ub, tau2 = r$tau2, QE = r$QE, pi_lb = c(r$beta) - half,
      pi_ub = c(r$beta) + half, I2 = i2[1], I2_lb = i2[2], I2_ub = i2[3], I2_metafor = r$I2)
  }
  cols <- lapply(names(d), function(n) vec(d[[n]]))
  names(cols) <- names(d)
  cases[[length(cases) + 1]] <- list(id = s$id, measure = s$measure, columns = cols,
                                     yi = vec(yi), vi = vec(vi), fits = fits)
}
versions <- list(metafor = as.character(packageVersion("metafor")),
                 metadat = as.character(packageVersion("metadat")),
                 R = paste(R.version$major, R.version$minor, sep = "."))
writeLines(to_json(list(dataset = "RevMan conventions", versions = versions, cases = cases)),
           file.path(outdir, "revman.json"), useBytes = TRUE)
