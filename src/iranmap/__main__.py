"""``python -m iranmap``: the same as the ``iranmap`` command."""

from iranmap.cli import main

if __name__ == "__main__":
    main()
