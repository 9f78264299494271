import Foundation

/// Where Caseload may write a file of pupil data (an export, a backup, a report): only into an
/// ordinary folder that exists, never among devices or kernel files (`/dev`, `/proc`, `/sys`),
/// whatever links lead there.
public enum FilePlace {
    /// Folders that hold devices and kernel files, not documents.
    static let systemFolders = ["/dev", "/proc", "/sys"]

    /// `nil` when `path` names a file in an ordinary folder; else what is wrong, in words.
    public static func problem(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return "the folder \(folder) does not exist; make it first or choose another"
        }
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        if systemFolders.contains(where: { real == $0 || real.hasPrefix($0 + "/") }) {
            return "\(folder) is a system folder of devices, not an ordinary folder; write into a folder of your own"
        }
        return nil
    }
}
