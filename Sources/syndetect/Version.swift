import SyndicationScan
import SyndicationEngine

/// `syndetect 0.1.0 (xxHash 0.8.1)`.
let versionString = "\(syndetectVersion) (xxHash \(XXHash.libraryVersion))"
