import Foundation

/// A file-system failure in words a person can act on, instead of `NSCocoaErrorDomain error 512`.
///
/// Foundation's messages on Linux are often a domain and a number; the POSIX code underneath says what
/// happened (no space left, permission denied, a folder where a file was expected).
public enum FileProblem {
    public static func describe(_ error: any Error) -> String {
        let nsError = error as NSError
        if let posix = posixCode(nsError) { return words(for: posix) }
        switch (nsError.domain, nsError.code) {
        case (NSCocoaErrorDomain, NSFileNoSuchFileError), (NSCocoaErrorDomain, NSFileReadNoSuchFileError):
            return "it does not exist"
        case (NSCocoaErrorDomain, NSFileReadNoPermissionError), (NSCocoaErrorDomain, NSFileWriteNoPermissionError):
            return "permission denied"
        case (NSCocoaErrorDomain, NSFileWriteOutOfSpaceError):
            return "no space left on the device"
        case (NSCocoaErrorDomain, NSFileWriteFileExistsError):
            return "something else already exists there"
        case (NSCocoaErrorDomain, NSFileWriteVolumeReadOnlyError):
            return "the file system is read-only"
        case (NSCocoaErrorDomain, NSFileReadCorruptFileError), (NSCocoaErrorDomain, NSFileReadUnknownError):
            return "it is a folder or not a regular file"
        default:
            return nsError.localizedFailureReason ?? nsError.localizedDescription
        }
    }

    /// The errno behind a Foundation error, where it kept one.
    private static func posixCode(_ error: NSError) -> Int32? {
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError { return posixCode(underlying) }
        return nil
    }

    private static func words(for code: Int32) -> String {
        switch code {
        case ENOSPC, EDQUOT: return "no space left on the device"
        case EACCES, EPERM: return "permission denied"
        case ENOENT: return "it, or a folder on its path, does not exist"
        case EISDIR: return "it is a folder, not a file"
        case ENOTDIR: return "a part of its path is a file, not a folder"
        case EEXIST, ENOTEMPTY: return "something else already exists there"
        case EROFS: return "the file system is read-only"
        case ELOOP: return "it is a symbolic link that points at itself"
        case ENAMETOOLONG: return "its name is too long for the file system"
        case EXDEV: return "it is on another file system"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
