import Catalog
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a folder, held while a build writes into it, so two builds never interleave.
///
/// `flock` on the folder itself: nothing is created, and the kernel releases the lock when the process
/// ends, however it ends (kill -9 included), so a crashed build never leaves a stale lock behind.
public final class FolderLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Takes the lock on `folder` (created when missing), waiting while another process holds it;
    /// `waiting` is called once, before the wait, so the user knows why nothing happens.
    public init(_ folder: URL, waiting: (String) -> Void) throws(RenderError) {
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw RenderError(.outputUnwritable(path: folder.path, message: FileProblem.describe(error)))
        }
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw RenderError(.outputUnwritable(path: folder.path, message: String(cString: strerror(errno))))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            waiting("another scribe-build is writing in \(folder.path); waiting for it to finish")
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let reason = String(cString: strerror(errno))
                    close(descriptor)
                    throw RenderError(.outputUnwritable(path: folder.path, message: "could not lock it: \(reason)"))
                }
            }
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
