"""``python -m polchan_cli``: the same as the ``polchan`` command."""

from polchan_cli.launch import main

if __name__ == "__main__":
    main()
