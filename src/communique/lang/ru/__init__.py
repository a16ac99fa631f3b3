"""Russian: Natasha's segmenter, taggers and parser with pymorphy3's morphology (`morphology.py`);
the word lists the extraction and resolution stages read are data files here (`data/`)."""
