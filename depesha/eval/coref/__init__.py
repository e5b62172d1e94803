"""RuCoCo coreference: the fixed split, the corpus reader, chain metrics (LEA, MUC, B³, CEAF-e) and baselines."""
