"""Hand a hồ sơ over: PDF + XML (NĐ 30), a SIP package (METS, EAD, PREMIS), and its import."""
