/// Path arithmetic on plain strings. Foundation's `NSString.deletingLastPathComponent` traps
/// on a one-character path on Linux (swift-corelibs-foundation), so `--out x` crashed.
public enum FilePaths {
    /// The directory part of `path`, as `dirname` without the ".": "" for a bare name,
    /// "/" for a name in the root; trailing and doubled slashes are ignored.
    public static func directory(of path: String) -> String {
        var name = Substring(path)
        while name.count > 1 && name.hasSuffix("/") { name.removeLast() }
        guard let slash = name.lastIndex(of: "/") else { return "" }
        var directory = name[..<slash]
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        return directory.isEmpty ? "/" : String(directory)
    }

    /// `name` inside `directory`, with one slash between them.
    public static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
