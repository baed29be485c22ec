from hr_wizard.cli import main

raise SystemExit(main())
