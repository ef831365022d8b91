// CloudFront Function (runtime cloudfront-js-2.0), event type viewer-request, for a Folio site in
// an S3 bucket (uploaded with deploy/s3/upload.sh). S3 knows objects, not pages: this maps each
// address of a page to the object the build wrote for it, as nginx's try_files does:
//   /, /posts/x/, /2019/old/ -> /index.html, /posts/x/index.html, ...  (the build writes every
//                               route and every old URL's redirect page as <path>/index.html too)
//   /posts/x, /tags          -> /posts/x.html, /tags.html   (no dot in the last segment)
//   /posts/Rust-1.75.0       -> /posts/Rust-1.75.0/index.html  (a dot, but not a file extension)
// Other paths with a file extension are left as they are. Unknown paths reach S3 as such; the
// distribution's custom error response answers 403 and 404 with /404.html and status 404.
var FILE_EXTENSION = /\.(html|js|mjs|css|wasm|json|xml|txt|md|bin|svg|png|jpe?g|gif|webp|avif|ico|pdf|woff2?|ttf|map|mp3|mp4|webm|zip|gz|br)$/i;

function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else {
    var last = uri.slice(uri.lastIndexOf('/') + 1);
    if (last.indexOf('.') === -1) request.uri = uri + '.html';
    else if (!FILE_EXTENSION.test(last)) request.uri = uri + '/index.html';
  }
  return request;
}
