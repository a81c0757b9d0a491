#!/usr/bin/env Rscript
# Reference values for acupath's meta-analysis engine, computed with R's metafor.
#
# Usage: Rscript tests/meta/golden/make_golden.R [OUTDIR]   (default: the folder of this script)
#
# One JSON file per metadat dataset. Each file holds the input columns (complete rows only), the
# effect sizes from escalc(), and for every tau2 estimator and test: rma() estimates,
# confint() (Q-profile tau2 interval), predict() (prediction interval) and weights(); then
# regtest() (Egger, model="rma", predictor="sei"), ranktest(), trimfill() (L0), leave1out(),
# cumul() and influence() for a selection of estimators, and subgroup analyses. Numbers are
# written with 17 significant digits so reruns are byte-identical with the same R and metafor.
# Only base R, metafor and metadat are needed (the JSON writer is below).

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
dir.create(outdir, showWarnings = FALSE, recursive = TRUE)

METHODS <- c("EE", "FE", "DL", "HE", "HS", "SJ", "PM", "ML", "REML", "EB")
TESTS <- c("z", "knha")
SENS_FITS <- list(c("REML", "z"), c("DL", "knha"), c("EE", "z"), c("PM", "z"))
QP_TOL <- 1e-14  # uniroot tolerance for the Q-profile bounds (see fit_record)
INFL_FITS <- list(c("REML", "z"), c("DL", "knha"), c("EE", "z"))

source(file.path(script_dir, "json_writer.R"))

# ---- one fit and what is derived from it ---------------------------------------------------
safe <- function(expr) tryCatch(suppressWarnings(expr), error = function(e) e)

# When Fisher scoring fails with full steps, acupath repeats it with half steps and more
# iterations, as metafor's help recommends; these are the same settings.
RETRY <- list(stepadj = 0.5, maxiter = 1000)
fisher_failed <- function(e) inherits(e, "error") && grepl("Fisher scoring", conditionMessage(e))

fit_rma <- function(yi, vi, method, test) {
  res <- safe(rma(yi, vi, method = method, test = test))
  retried <- FALSE
  if (fisher_failed(res)) {
    res <- safe(rma(yi, vi, method = method, test = test, control = RETRY))
    retried <- TRUE
  }
  list(res = res, retried = retried)
}

# leave1out()/cumul() leave NA where a refit fails; refit those subsets with RETRY.
patch_series <- function(series, yi, vi, method, test, subset_of) {
  for (i in which(is.na(series$estimate))) {
    idx <- subset_of(i)
    r <- safe(rma(yi[idx], vi[idx], method = method, test = test, control = RETRY))
    if (inherits(r, "error")) next
    series$estimate[i] <- c(r$beta); series$se[i] <- r$se; series$pval[i] <- r$pval
    series$ci.lb[i] <- r$ci.lb; series$ci.ub[i] <- r$ci.ub; series$Q[i] <- r$QE
    series$Qp[i] <- r$QEp; series$tau2[i] <- r$tau2; series$I2[i] <- r$I2; series$H2[i] <- r$H2
    series$retried <- c(series$retried, i)
  }
  series
}

fit_record <- function(yi, vi, method, test) {
  fr <- fit_rma(yi, vi, method, test)
  res <- fr$res
  if (inherits(res, "error")) return(list(method = method, test = test, error = conditionMessage(res)))
  pr <- predict(res)
  out <- list(
    method = method, test = test, k = res$k, retried = fr$retried,
    estimate = c(res$beta), se = res$se, zval = res$zval, pval = res$pval,
    ci_lb = res$ci.lb, ci_ub = res$ci.ub,
    tau2 = res$tau2, I2 = res$I2, H2 = res$H2, QE = res$QE, QEp = res$QEp,
    pi_lb = pr$pi.lb, pi_ub = pr$pi.ub,
    weights = arr(unname(weights(res)))
  )
  if (!method %in% c("EE", "FE")) {
    # The exact Q-profile bounds: uniroot's default absolute tolerance (1.2e-4) leaves small
    # bounds off by percents; acupath uses a relative tolerance, compared here with the root
    # to machine precision. A bound beyond tau2.max is censored (sign ">"): acupath reports
    # it as null, so the sign is recorded too.
    ci <- safe(confint(res, control = list(tol = QP_TOL)))
    if (inherits(ci, "error")) {
      out$tau2_ci_error <- conditionMessage(ci)
    } else {
      out$tau2_ci_lb <- ci$random["tau^2", "ci.lb"]
      out$tau2_ci_ub <- ci$random["tau^2", "ci.ub"]
      out$tau2_ci_lb_sign <- ci$lb.sign
      out$tau2_ci_ub_sign <- ci$ub.sign
    }
  }
  if (res$k >= 3) {
    eg <- safe(regtest(res))
    out$egger <- if (inherits(eg, "error")) list(error = conditionMessage(eg)) else
      list(zval = eg$zval, pval = eg$pval, limit_estimate = if (is.null(eg$est)) NA else c(eg$est))
    if (test == "z") {
      tf <- safe(trimfill(res))
      out$trimfill <- if (inherits(tf, "error")) list(error = conditionMessage(tf)) else
        list(k0 = tf$k0, side = tf$side, estimate = c(tf$beta), se = tf$se, tau2 = tf$tau2,
             ci_lb = tf$ci.lb, ci_ub = tf$ci.ub)
    }
  }
  out
}

vec <- function(x) arr(unname(as.numeric(x)))

# The same series fitted subset by subset with fit_rma(), for a model whose full fit needed
# RETRY (leave1out() and cumul() would reuse RETRY for every subset; acupath tries full steps
# first on each subset).
series_by_fit <- function(yi, vi, method, test, subset_of) {
  k <- length(yi)
  out <- list(estimate = rep(NA_real_, k), se = rep(NA_real_, k), pval = rep(NA_real_, k),
              ci.lb = rep(NA_real_, k), ci.ub = rep(NA_real_, k), Q = rep(NA_real_, k),
              Qp = rep(NA_real_, k), tau2 = rep(NA_real_, k), I2 = rep(NA_real_, k),
              H2 = rep(NA_real_, k), retried = integer(0))
  for (i in seq_len(k)) {
    fr <- fit_rma(yi[subset_of(i)], vi[subset_of(i)], method, test)
    r <- fr$res
    if (inherits(r, "error")) next
    out$estimate[i] <- c(r$beta); out$se[i] <- r$se; out$pval[i] <- r$pval
    out$ci.lb[i] <- r$ci.lb; out$ci.ub[i] <- r$ci.ub; out$Q[i] <- r$QE; out$Qp[i] <- r$QEp
    out$tau2[i] <- r$tau2; out$I2[i] <- r$I2; out$H2[i] <- r$H2
    if (fr$retried) out$retried <- c(out$retried, i)
  }
  out
}

sensitivity_record <- function(yi, vi, method, test) {
  fr <- fit_rma(yi, vi, method, test)
  res <- fr$res
  if (inherits(res, "error")) return(list(method = method, test = test, error = conditionMessage(res)))
  k <- length(yi)
  drop_i <- function(i) setdiff(seq_len(k), i)
  first_i <- function(i) seq_len(i)
  if (fr$retried) {
    l1 <- series_by_fit(yi, vi, method, test, drop_i)
    cu <- series_by_fit(yi, vi, method, test, first_i)
  } else {
    l1 <- patch_series(as.list(leave1out(res)), yi, vi, method, test, drop_i)
    cu <- patch_series(as.list(cumul(res)), yi, vi, method, test, first_i)
  }
  list(
    method = method, test = test,
    leave1out_retried = arr(as.integer(l1$retried)), cumul_retried = arr(as.integer(cu$retried)),
    leave1out = list(estimate = vec(l1$estimate), se = vec(l1$se), pval = vec(l1$pval),
                     ci_lb = vec(l1$ci.lb), ci_ub = vec(l1$ci.ub), Q = vec(l1$Q), Qp = vec(l1$Qp),
                     tau2 = vec(l1$tau2), I2 = vec(l1$I2), H2 = vec(l1$H2)),
    cumul = list(estimate = vec(cu$estimate), se = vec(cu$se), pval = vec(cu$pval),
                 ci_lb = vec(cu$ci.lb), ci_ub = vec(cu$ci.ub), Q = vec(cu$Q), Qp = vec(cu$Qp),
                 tau2 = vec(cu$tau2), I2 = vec(cu$I2), H2 = vec(cu$H2))
  )
}

influence_record <- function(yi, vi, method, test) {
  fr <- fit_rma(yi, vi, method, test)
  res <- fr$res
  if (inherits(res, "error")) return(list(method = method, test = test, error = conditionMessage(res)))
  # influence() would refit every deletion with RETRY; acupath tries full steps first.
  if (fr$retried) return(list(method = method, test = test, skipped = "full fit needed RETRY"))
  inf <- influence(res)
  list(method = method, test = test,
       rstudent = vec(inf$inf$rstudent), dffits = vec(inf$inf$dffits),
       cook_d = vec(inf$inf$cook.d), cov_r = vec(inf$inf$cov.r),
       tau2_del = vec(inf$inf$tau2.del), QE_del = vec(inf$inf$QE.del),
       hat = vec(inf$inf$hat), weight = vec(inf$inf$weight),
       dfbetas = vec(inf$dfbs$intrcpt), influential = arr(unname(inf$is.infl)))
}

subgroup_record <- function(yi, vi, group, method, test) {
  levels <- unique(group)
  parts <- lapply(levels, function(g) {
    r <- fit_rma(yi[group == g], vi[group == g], method, test)$res
    list(group = as.character(g), k = r$k, estimate = c(r$beta), se = r$se,
         ci_lb = r$ci.lb, ci_ub = r$ci.ub, tau2 = r$tau2, I2 = r$I2, QE = r$QE)
  })
  est <- vapply(parts, function(p) p$estimate, 0)
  se <- vapply(parts, function(p) p$se, 0)
  between <- rma(est, sei = se, method = "FE")
  list(method = method, test = test, groups = parts,
       Q_between = between$QE, df_between = between$k - 1, p_between = between$QEp)
}

# ---- datasets -------------------------------------------------------------------------------
cases <- list()
add_case <- function(file, id, measure, data, cols, group = NULL, title = "") {
  data <- data[complete.cases(data[, cols]), , drop = FALSE]
  cases[[length(cases) + 1]] <<- list(file = file, id = id, measure = measure,
                                      data = data, cols = cols, group = group, title = title)
}
bin4 <- c("ai", "bi", "ci", "di")
binn <- c("ai", "n1i", "ci", "n2i")
cont <- c("m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i")

bcg <- with(dat.bcg, data.frame(ai = tpos, bi = tneg, ci = cpos, di = cneg, alloc = alloc))
add_case("bcg", "bcg_RR", "RR", bcg, bin4, group = "alloc", title = "BCG vaccine trials (13)")
add_case("bcg", "bcg_OR", "OR", bcg, bin4)
add_case("bcg", "bcg_RD", "RD", bcg, bin4)
add_case("lee2004", "lee2004_RR", "RR", dat.lee2004, binn, title = "Acupoint P6 stimulation for postoperative nausea (16)")
add_case("lee2004", "lee2004_OR", "OR", dat.lee2004, binn)
add_case("normand1999", "normand1999_MD", "MD", dat.normand1999, cont, title = "Stroke unit care, length of stay (9)")
add_case("normand1999", "normand1999_SMD", "SMD", dat.normand1999, cont)
add_case("normand1999", "normand1999_ROM", "ROM", dat.normand1999, cont)
add_case("curtis1998", "curtis1998_ROM", "ROM", dat.curtis1998, cont, group = "fungrp", title = "Elevated CO2 and plant mass (102)")
add_case("egger2001", "egger2001_OR", "OR", dat.egger2001, binn, title = "Magnesium after myocardial infarction (16)")
add_case("hackshaw1998", "hackshaw1998_GEN", "GEN", dat.hackshaw1998, c("yi", "vi"), title = "Passive smoking and lung cancer, log OR (37)")
add_case("raudenbush1985", "raudenbush1985_GEN", "GEN", dat.raudenbush1985, c("yi", "vi"), title = "Teacher expectancy, SMD (19)")
add_case("hine1989", "hine1989_RD", "RD", dat.hine1989, binn, title = "Lidocaine and mortality (6)")
add_case("nielweise2007", "nielweise2007_RR", "RR", dat.nielweise2007, binn, title = "Catheter infections, with a double-zero study (18)")
add_case("nielweise2007", "nielweise2007_OR", "OR", dat.nielweise2007, binn)
add_case("linde2005", "linde2005_RR", "RR", dat.linde2005, binn, title = "St John's wort for depression (26)")
add_case("gibson2002", "gibson2002_SMD", "SMD", dat.gibson2002, cont, title = "Self-management education for asthma (15)")
add_case("bangertdrowns2004", "bangertdrowns2004_GEN", "GEN", dat.bangertdrowns2004, c("yi", "vi"), title = "Writing-to-learn interventions (48)")
begg <- with(dat.begg1989, data.frame(yi = yi, sei = sei))
add_case("begg1989", "begg1989_GEN_sei", "GEN", begg, c("yi", "sei"), title = "Chemotherapy trials, yi with sei (20)")
add_case("lau1992", "lau1992_OR", "OR", dat.lau1992, binn, title = "Streptokinase after myocardial infarction (33)")
add_case("graves2010", "graves2010_RR", "RR", dat.graves2010, binn, title = "Cardiac events in a pharmacotherapy review (17)")
add_case("laopaiboon2015", "laopaiboon2015_RR", "RR", dat.laopaiboon2015, binn, title = "Azithromycin trials (15)")
add_case("li2007", "li2007_OR", "OR", dat.li2007, binn, title = "Magnesium trials (22)")
add_case("hahn2001", "hahn2001_OR", "OR", dat.hahn2001, binn, title = "Trials with three double-zero studies (12)")
add_case("hahn2001", "hahn2001_RD", "RD", dat.hahn2001, binn)
dorn <- with(dat.dorn2007, data.frame(ai = x.a, n1i = n.a, ci = x.p, n2i = n.p, crit = ibs.crit))
add_case("dorn2007", "dorn2007_RR", "RR", dorn, binn, group = "crit", title = "Placebo response in IBS trials (19)")
mich <- with(dat.michael2013, data.frame(m1i = Brain_m, sd1i = Brain_s, n1i = Brain_n,
                                         m2i = No_brain_m, sd2i = No_brain_s, n2i = No_brain_n))
add_case("michael2013", "michael2013_SMD", "SMD", mich, cont, title = "Brain images and credibility (12)")
add_case("michael2013", "michael2013_MD", "MD", mich, cont)
mol <- escalc("ZCOR", ri = ri, ni = ni, data = dat.molloy2014)
add_case("molloy2014", "molloy2014_GEN", "GEN", data.frame(yi = c(mol$yi), vi = c(mol$vi)), c("yi", "vi"), title = "Conscientiousness and adherence, Fisher z (16)")
add_case("kalaian1996", "kalaian1996_GEN", "GEN", dat.kalaian1996, c("yi", "vi"), title = "Coaching and SAT scores (67)")
# Not from metadat: 30 simulated studies on which REML Fisher scoring oscillates with full
# steps (metafor stops with an error), to check the half-step retry. Seeded, so reproducible.
set.seed(20261121)
osc <- local({
  v <- round(runif(30, 0.01, 0.3), 4)
  data.frame(yi = round(rnorm(30, 0.3, 0.3), 4), vi = v)
})
add_case("synthetic_oscillation", "synthetic_oscillation_GEN", "GEN", osc, c("yi", "vi"), title = "Simulated data on which full-step Fisher scoring fails (30)")

# ---- run --------------------------------------------------------------------------------------
versions <- list(metafor = as.character(packageVersion("metafor")),
                 metadat = as.character(packageVersion("metadat")),
                 R = paste(R.version$major, R.version$minor, sep = "."))

files <- unique(vapply(cases, function(c) c$file, ""))
for (f in files) {
  doc_cases <- list()
  title <- ""
  for (cs in cases[vapply(cases, function(c) c$file == f, TRUE)]) {
    if (nzchar(cs$title)) title <- cs$title
    d <- cs$data
    colvals <- lapply(cs$cols, function(n) arr(as.numeric(d[[n]])))
    names(colvals) <- cs$cols
    if (cs$measure == "GEN") {
      yi <- d$yi
      vi <- if ("vi" %in% cs$cols) d$vi else d$sei^2
      es <- list(yi = yi, vi = vi)
    } else {
      es_args <- c(list(measure = cs$measure, drop00 = cs$measure %in% c("RR", "OR")),
                   lapply(cs$cols, function(n) d[[n]]))
      names(es_args) <- c("measure", "drop00", cs$cols)
      es <- suppressWarnings(do.call(escalc, es_args))
      yi <- c(es$yi)
      vi <- c(es$vi)
    }
    keep <- !is.na(yi) & !is.na(vi)
    group <- if (!is.null(cs$group)) as.character(d[[cs$group]])[keep] else NULL
    y <- yi[keep]
    v <- vi[keep]
    fits <- list()
    for (m in METHODS) for (t in TESTS) fits[[length(fits) + 1]] <- fit_record(y, v, m, t)
    rk <- safe(ranktest(y, v))
    rec <- list(
      id = cs$id, measure = cs$measure, columns = colvals,
      escalc = list(yi = arr(unname(as.numeric(yi))), vi = arr(unname(as.numeric(vi))),
                    dropped = arr(as.integer(which(!keep)))),
      fits = fits,
      ranktest = if (inherits(rk, "error")) list(error = conditionMessage(rk)) else
        list(tau = unname(rk$tau), pval = rk$pval),
      sensitivity = lapply(SENS_FITS, function(mt) sensitivity_record(y, v, mt[1], mt[2])),
      influence = lapply(INFL_FITS, function(mt) influence_record(y, v, mt[1], mt[2]))
    )
    if (!is.null(group)) {
      rec$group = arr(group)
      rec$subgroup <- list(subgroup_record(y, v, group, "REML", "z"),
                           subgroup_record(y, v, group, "DL", "knha"))
    }
    doc_cases[[length(doc_cases) + 1]] <- rec
  }
  name <- if (startsWith(f, "synthetic")) f else paste0("dat.", f)
  doc <- list(dataset = name, title = title, versions = versions, cases = doc_cases)
  writeLines(to_json(doc), file.path(outdir, paste0(f, ".json")), useBytes = TRUE)
}
cat(sprintf("wrote %d golden files (%d cases) to %s with metafor %s\n",
            length(files), length(cases), outdir, versions$metafor))

# ---- further golden files: Mantel-Haenszel and Peto, meta-regression, random fuzz ----------
for (extra in c("make_golden_mh.R", "make_golden_metareg.R", "make_golden_fuzz.R",
                  "make_golden_revman.R")) {
  path <- file.path(script_dir, extra)
  if (file.exists(path)) {
    sys.source(path, envir = new.env())
  }
}
