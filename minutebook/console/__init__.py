"""What the command line shares and shows: options, exit codes, output formats, progress."""
