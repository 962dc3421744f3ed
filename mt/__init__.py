"""The CTranslate2 + SentencePiece backend of mtnorm (MT-backed verification).

Importable now so that the pipeline can refer to it; the backend itself is
built under the MT issue. Heavy dependencies are imported lazily.
"""

__all__: list[str] = []
