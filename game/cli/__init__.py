"""The command line: parsing every command's options and printing its results."""
