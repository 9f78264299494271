import CaseloadCLI

CaseloadCommand.main()
