import CaseloadCLI
import Foundation

exit(await CaseloadCommand.execute(Array(CommandLine.arguments.dropFirst())))
