"""``python -m iranmap``: the same as the ``iranmap`` command."""

from iranmap.cli import run

if __name__ == "__main__":
    run()
