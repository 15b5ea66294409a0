"""The office's signature on digitized copies: PKCS#11, PAdES, the NĐ 30 box, checks."""
