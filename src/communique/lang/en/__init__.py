"""English: spaCy's small English pipeline with an entity ruler from the knowledge base in front."""
