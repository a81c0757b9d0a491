"""A bounded cache of answer documents for the web app.

An answer is a pure function of the question, the audience and the evidence base, and the base
of a running app never changes, so a question asked again (a follow-up link, a common question,
a page and its JSON twin) is served from memory instead of being retrieved, composed and
verified again. Only verified answers reach the cache: a question that raises is not stored.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

AnswerDocument = dict[str, Any]


class AnswerCache:
    """Least-recently-used store of answer documents keyed by (question, audience).

    Safe to share between the request threads of one worker. Callers must not mutate the
    documents they get back.
    """

    def __init__(self, maxsize: int = 1024) -> None:
        if maxsize < 1:
            raise ValueError(f"maxsize must be at least 1; got {maxsize}")
        self.maxsize = maxsize
        self._store: OrderedDict[tuple[str, str], AnswerDocument] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._store)

    def get(
        self, question: str, audience: str, compute: Callable[[], AnswerDocument]
    ) -> AnswerDocument:
        """The cached document for this question and audience, computing it on a miss."""
        key = (" ".join(question.split()).casefold(), audience)
        with self._lock:
            if key in self._store:
                self._store.move_to_end(key)
                return self._store[key]
        document = compute()
        with self._lock:
            self._store[key] = document
            self._store.move_to_end(key)
            while len(self._store) > self.maxsize:
                self._store.popitem(last=False)
        return document
