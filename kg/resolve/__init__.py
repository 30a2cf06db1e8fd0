"""Resolution: one node per real-world thing, within an article and across the corpus.

Steps, per document:

1. names: quotes dropped, ``(以下简称Y)`` aliases, ``X市总`` → ``X市总工会`` (by the
   recogniser);
2. short forms that start with a level word (``市总工会``, ``自治区教育厅``,
   ``区妇幼保健院``) become the unique longer name in the article or document that ends
   with them, else are qualified with the article's place of that level;
3. a name that is another entity's name minus a leading place or organisation joins it
   (``苏杭公司工会`` → ``中建安装苏杭公司工会``);

then mentions with the same type and name are one entity across the corpus. The
canonical name is the fullest form; every other surface form is an alias.
"""

from __future__ import annotations

from kg.resolve.resolver import DocumentNames, document_names, resolve

__all__ = ["DocumentNames", "document_names", "resolve"]
