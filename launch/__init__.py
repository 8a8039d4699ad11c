"""The composition root: the one package that puts the command line and the desktop client
together (the `outpost` command's Qt self-test line, `make run`'s portal beside the GUI).

cli/ and ui/ never import each other; what one needs of the other is passed in from here.
Nothing in the project imports launch/.
"""
