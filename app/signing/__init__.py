"""The office's signature on digitized copies: PKCS#11, PAdES, the NĐ 30 box, checks."""

import warnings

from cryptography.utils import CryptographyDeprecationWarning

# pyHanko (0.38, the newest) imports cryptography's DSA key class, which cryptography ≥ 51
# deprecates on import; the station never signs or accepts DSA (spec: RSA/ECDSA). Silence that
# one warning, from pyHanko only, so stderr stays for problems.
warnings.filterwarnings(
    "ignore",
    message="DSA is deprecated",
    category=CryptographyDeprecationWarning,
    module=r"pyhanko(\.|$)",
)
