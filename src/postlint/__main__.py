import sys

from postlint.client import main

sys.exit(main())
