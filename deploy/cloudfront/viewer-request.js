// CloudFront Function (runtime cloudfront-js-2.0), event type viewer-request, for a Folio site in
// an S3 bucket (uploaded with deploy/s3/upload.sh). S3 knows objects, not pages: this maps each
// address of a page to the object the build wrote for it, as nginx's try_files does:
//   /                   -> /index.html         (any folder: its index.html; also /blog/)
//   /posts/x, /tags     -> /posts/x.html, /tags.html   (no dot in the last segment)
//   /posts/x/, /tags/x/ -> /posts/x.html, /tags/x.html (a page's address with a trailing slash)
//   /posts/Rust-1.75.0  -> /posts/Rust-1.75.0/index.html  (a dot, but not a file extension)
// Other paths with a file extension are left as they are. Unknown paths reach S3 as such; the
// distribution's custom error response answers 403 and 404 with /404.html and status 404.
// Limit: an old URL (alias) of the form /posts/<name>/ or /tags/<name>/ is read as a page's
// address, so its redirect page is not reached there (nginx serves both).
var FILE_EXTENSION = /\.(html|js|mjs|css|wasm|json|xml|txt|md|bin|svg|png|jpe?g|gif|webp|avif|ico|pdf|woff2?|ttf|map|mp3|mp4|webm|zip|gz|br)$/i;
var PAGE_WITH_SLASH = /^(.*\/(posts|tags)\/[^/.]+)\/$/;

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  var page = uri.match(PAGE_WITH_SLASH);
  if (page) {
    request.uri = page[1] + '.html';
  } else if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else {
    var last = uri.slice(uri.lastIndexOf('/') + 1);
    if (last.indexOf('.') === -1) request.uri = uri + '.html';
    else if (!FILE_EXTENSION.test(last)) request.uri = uri + '/index.html';
  }
  return request;
}
