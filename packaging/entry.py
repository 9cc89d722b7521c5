"""The bundle's entry script: the window, or the command line when a command or --self-test
is given (ui.launch decides)."""
import sys

from ui.launch import main

if __name__ == "__main__":
    sys.exit(main())
