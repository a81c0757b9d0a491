# A minimal JSON writer for the golden scripts (base R only; no jsonlite needed).
# Numbers with 17 significant digits so reruns are byte-identical.

arr <- function(x) structure(list(x), class = "json_array")  # always an array, even length 1
num <- function(x) {
  if (is.null(x) || length(x) == 0) return("null")
  if (is.na(x) || !is.finite(x)) return("null")
  if (is.logical(x)) return(if (x) "true" else "false")
  if (is.integer(x)) return(as.character(x))
  sprintf("%.17g", x)
}
str_json <- function(s) {
  s <- gsub("\\\\", "\\\\\\\\", s)
  s <- gsub("\"", "\\\\\"", s)
  paste0("\"", s, "\"")
}
to_json <- function(x, indent = 0) {
  pad <- strrep(" ", indent)
  pad2 <- strrep(" ", indent + 2)
  if (inherits(x, "json_array")) {
    v <- x[[1]]
    if (is.character(v)) items <- vapply(v, str_json, "")
    else if (is.logical(v)) items <- vapply(v, function(e) if (is.na(e)) "null" else if (e) "true" else "false", "")
    else items <- vapply(as.numeric(v), num, "")
    return(paste0("[", paste(items, collapse = ", "), "]"))
  }
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    if (is.null(names(x))) {
      items <- vapply(x, to_json, "", indent = indent + 2)
      return(paste0("[\n", paste0(pad2, items, collapse = ",\n"), "\n", pad, "]"))
    }
    items <- mapply(function(k, v) paste0(pad2, str_json(k), ": ", to_json(v, indent + 2)),
                    names(x), x)
    return(paste0("{\n", paste(items, collapse = ",\n"), "\n", pad, "}"))
  }
  if (is.character(x)) {
    if (length(x) == 1) return(str_json(x))
    return(to_json(arr(x)))
  }
  if (is.logical(x) && length(x) == 1) return(if (is.na(x)) "null" else if (x) "true" else "false")
  if (length(x) == 1) return(num(x))
  to_json(arr(x))
}

