from storyline.cli import main

raise SystemExit(main())
