from ledelsestilsyn.cli.entry import main

main()
