//! Harness for the end-to-end tests: a static file server on 127.0.0.1
//! (serving the release build at `/` and under the sub-paths `/parallax/`
//! and `/some/path/parallax/`; it can be stopped to take the network away),
//! a chromedriver on a free port, and headless Chromium sessions whose
//! console and network logs can be read.

#![allow(dead_code)] // each test file uses part of the harness

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use parallax_core::import::story_file::StoryFile;
use serde_json::{Value, json};

/// The sub-path the built folder is also served under.
pub const SUB_PATH: &str = "/parallax/";
/// A deeper sub-path it is served under as well.
pub const DEEP_SUB_PATH: &str = "/some/path/parallax/";

/// The release build to test: `$PARALLAX_DIST` or `dist/`.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("PARALLAX_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no release build in {}: run `./run.sh build` (or `./run.sh test`) first",
        dir.display()
    );
    dir
}

/// A plain static file server: no rewrite rules, like the dumbest static host.
pub struct StaticServer {
    pub port: u16,
    stopped: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl StaticServer {
    pub fn start(root: PathBuf) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind static server");
        let port = listener.local_addr().unwrap().port();
        let stopped = Arc::new(AtomicBool::new(false));
        let stop = stopped.clone();
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if stop.load(Ordering::SeqCst) {
                    break;
                }
                let root = root.clone();
                std::thread::spawn(move || serve(stream, &root));
            }
            // The listener is dropped here: the port refuses connections.
        });
        StaticServer {
            port,
            stopped,
            thread: Some(thread),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{}", self.port, path)
    }

    /// Stops listening: from now on every request to the server fails, as
    /// with the network gone.
    pub fn stop(&mut self) {
        self.stopped.store(true, Ordering::SeqCst);
        // Wake the accept loop so that it sees the flag.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            thread.join().expect("static server thread");
        }
        assert!(
            TcpStream::connect(("127.0.0.1", self.port)).is_err(),
            "the static server still accepts connections"
        );
    }
}

fn serve(mut stream: TcpStream, root: &Path) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the headers.
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) if line == "\r\n" || line == "\n" => break,
            Ok(_) => {}
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = path.split(['?', '#']).next().unwrap_or("/");
    let relative = [DEEP_SUB_PATH, SUB_PATH]
        .iter()
        .find_map(|prefix| path.strip_prefix(prefix))
        .unwrap_or(path);
    let relative = relative.trim_start_matches('/');
    let relative = if relative.is_empty() || relative.ends_with('/') {
        format!("{relative}index.html")
    } else {
        relative.to_string()
    };
    let file = root.join(&relative);
    let safe = !relative.split('/').any(|s| s == "..");
    let (status, body, kind) = match std::fs::read(&file) {
        Ok(body) if safe => ("200 OK", body, content_type(&relative)),
        _ => ("404 Not Found", b"not found".to_vec(), "text/plain"),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// A chromedriver process on a free port, killed on drop together with the
/// browser profiles its sessions made (each is tens of MB in the temp folder).
pub struct ChromeDriver {
    child: Child,
    pub port: u16,
    profiles: std::sync::Mutex<Vec<std::path::PathBuf>>,
}

impl ChromeDriver {
    pub fn start() -> ChromeDriver {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e} (./run.sh test installs it)"));
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        ChromeDriver {
            child,
            port,
            profiles: Default::default(),
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let profiles = std::mem::take(self.profiles.get_mut().unwrap_or_else(|e| e.into_inner()));
        for profile in profiles {
            // A browser that outlived its driver may still be writing.
            for _ in 0..20 {
                if std::fs::remove_dir_all(&profile).is_ok() || !profile.exists() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    }
}

static PROFILES: AtomicUsize = AtomicUsize::new(0);

/// Options for a browser session.
#[derive(Clone, Copy)]
pub struct Browser {
    pub width: u32,
    pub height: u32,
    pub dark: bool,
}

impl Default for Browser {
    fn default() -> Self {
        Browser {
            width: 1280,
            height: 900,
            dark: false,
        }
    }
}

impl Browser {
    /// A fresh headless Chromium session with its own empty profile.
    pub async fn open(self, driver: &ChromeDriver) -> Client {
        let profile = std::env::temp_dir().join(format!(
            "parallax-e2e-{}-{}",
            std::process::id(),
            PROFILES.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&profile);
        driver
            .profiles
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(profile.clone());
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--hide-scrollbars".into(),
            format!("--window-size={},{}", self.width, self.height),
            format!("--user-data-dir={}", profile.display()),
        ];
        if self.dark {
            args.push("--force-dark-mode".into());
            args.push("--blink-settings=preferredColorScheme=0".into());
        }
        let mut options = json!({
            "args": args,
            // Every request the page makes, for `network_requests`.
            "perfLoggingPrefs": { "enableNetwork": true, "enablePage": false },
        });
        // Headless windows are at least 500 px wide: phones need emulation.
        if self.width < 500 {
            options["mobileEmulation"] = json!({
                "deviceMetrics": { "width": self.width, "height": self.height, "pixelRatio": 2.0, "touch": true }
            });
        }
        if let Ok(binary) = std::env::var("CHROME_BIN") {
            options["binary"] = Value::String(binary);
        }
        let capabilities = json!({
            "goog:chromeOptions": options,
            "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!()
        };
        // On a loaded machine chromedriver may refuse the first session
        // while it settles: a few tries before giving up.
        let mut tries = 0;
        loop {
            let session =
                ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
                    .capabilities(capabilities.clone())
                    .connect(&format!("http://127.0.0.1:{}", driver.port))
                    .await;
            match session {
                Ok(client) => return client,
                Err(e) if tries >= 5 => panic!("start a headless Chromium session: {e:?}"),
                Err(_) => {
                    tries += 1;
                    tokio::time::sleep(Duration::from_millis(400)).await;
                }
            }
        }
    }
}

/// Runs `journey` with a fresh session and always closes the session, also
/// when the journey panics, so no Chromium is left running.
pub async fn with_browser<F, Fut>(driver: &ChromeDriver, browser: Browser, journey: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let client = browser.open(driver).await;
    let result = tokio::spawn(journey(client.clone())).await;
    let _ = client.close().await;
    if let Err(error) = result {
        std::panic::resume_unwind(error.into_panic());
    }
}

/// Waits (up to 15 s) for an element.
pub async fn find(client: &Client, css: &str) -> fantoccini::elements::Element {
    match client
        .wait()
        .at_most(Duration::from_secs(15))
        .for_element(Locator::Css(css))
        .await
    {
        Ok(element) => element,
        Err(error) => {
            let url = client
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default();
            let source = client.source().await.unwrap_or_default();
            let tail: String = source
                .chars()
                .rev()
                .take(1500)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            panic!("no element `{css}` at {url}: {error}\npage ends with:\n{tail}")
        }
    }
}

/// A hard reload (what shift-reload does), through the driver's DevTools
/// endpoint: the page loads past its service worker, so no worker controls
/// it at first.
pub async fn hard_reload(driver_port: u16, client: &Client) {
    use std::io::Read;
    let session = client.session_id().await.unwrap().expect("a session");
    let reply = tokio::task::spawn_blocking(move || {
        let body = r#"{"cmd":"Page.reload","params":{"ignoreCache":true}}"#;
        let mut stream = TcpStream::connect(("127.0.0.1", driver_port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        write!(
            stream,
            "POST /session/{session}/goog/cdp/execute HTTP/1.1\r\nHost: 127.0.0.1\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut reply = vec![0; 4096];
        let read = stream.read(&mut reply).unwrap_or(0);
        String::from_utf8_lossy(&reply[..read]).into_owned()
    })
    .await
    .unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "hard reload: {reply}");
}

/// Runs a script and returns its value.
pub async fn js(client: &Client, script: &str) -> Value {
    client.execute(script, vec![]).await.expect("script runs")
}

/// Polls `script` until it returns `true` (up to 15 s).
pub async fn wait_until(client: &Client, script: &str) {
    let started = Instant::now();
    loop {
        if js(client, script).await == Value::Bool(true) {
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "timed out waiting for `{script}`"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Clicks an element as a reader would: first brought into the middle of the
/// screen (instantly, so no smooth scroll is under way), then clicked.
pub async fn click(client: &Client, css: &str) {
    let element = find(client, css).await;
    let arg = serde_json::to_value(&element).expect("element as a script argument");
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
            vec![arg],
        )
        .await
        .expect("scroll into view");
    element
        .click()
        .await
        .unwrap_or_else(|e| panic!("click `{css}`: {e}"));
}

/// chromedriver's log endpoint: the entries of one log since the last read.
#[derive(Debug)]
struct ReadLog(&'static str);

impl fantoccini::wd::WebDriverCompatibleCommand for ReadLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.0 }).to_string()),
        )
    }
}

async fn read_log(client: &Client, kind: &'static str) -> Vec<Value> {
    match client.issue_cmd(ReadLog(kind)).await {
        Ok(Value::Array(entries)) => entries,
        other => panic!("reading the {kind} log: {other:?}"),
    }
}

/// The browser console messages since the last call, as "LEVEL message".
pub async fn console_messages(client: &Client) -> Vec<String> {
    read_log(client, "browser")
        .await
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["level"].as_str().unwrap_or("?"),
                e["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// The URL of every request the browser sent for the page (documents,
/// scripts, styles, fetches, service worker scripts) since the last call,
/// leaving out the browser's own `chrome://` pages.
pub async fn network_requests(client: &Client) -> Vec<String> {
    let mut urls = Vec::new();
    for entry in read_log(client, "performance").await {
        let Some(message) = entry["message"].as_str() else {
            continue;
        };
        let message: Value = serde_json::from_str(message).unwrap_or_default();
        let message = &message["message"];
        let url = message["params"]["request"]["url"]
            .as_str()
            .unwrap_or_default();
        // The browser's own pages (the session's new-tab page) are not the app's.
        if message["method"] == "Network.requestWillBeSent"
            && !url.is_empty()
            && !url.starts_with("chrome://")
            && !url.starts_with("chrome-untrusted://")
        {
            urls.push(url.to_string());
        }
    }
    urls
}

/// Runs axe-core on the page and returns its violations (id, impact, nodes).
pub async fn axe_violations(client: &Client) -> Value {
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/node_modules/axe-core/axe.min.js"),
    )
    .expect("axe-core in .tools/ (npm install --prefix .tools axe-core)");
    client
        .execute(
            &format!("{source}\n;window.axe = axe; return true;"),
            vec![],
        )
        .await
        .expect("inject axe-core");
    client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] })
               .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact,
                   nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }))))
               .catch(e => done('axe failed: ' + e));",
            vec![],
        )
        .await
        .expect("axe.run")
}

/// A story file of `articles` synthetic articles of about `bytes_each`
/// bytes (`parallax_core::synthetic`), one outlet each.
pub fn synthetic_story_file(articles: usize, bytes_each: usize, seed: u64) -> StoryFile {
    parallax_core::synthetic::synthetic_story_file(articles, bytes_each, seed)
}

/// The names of the Performance marks set so far (the app marks which path
/// a build took).
pub async fn marks(client: &Client) -> Vec<String> {
    let names = js(
        client,
        "return performance.getEntriesByType('mark').map(m => m.name)",
    )
    .await;
    serde_json::from_value(names).unwrap()
}

/// Keeps the page's downloads instead of saving them: each click on a
/// download link is recorded with its Blob, for [`downloaded`].
pub async fn capture_downloads(client: &Client) {
    js(
        client,
        "window.__downloads = []; window.__blobs = {};
         const create = URL.createObjectURL;
         URL.createObjectURL = blob => { const url = create(blob); window.__blobs[url] = blob; return url; };
         HTMLAnchorElement.prototype.click = function () { window.__downloads.push([this.download, this.href]); };
         return true",
    )
    .await;
}

/// Waits for the first captured download: its file name and text.
pub async fn downloaded(client: &Client) -> (String, String) {
    wait_until(client, "return window.__downloads.length === 1").await;
    let file = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             const [name, href] = window.__downloads[0];
             window.__blobs[href].text().then(text => done([name, text]), e => done(['error', String(e)]));",
            vec![],
        )
        .await
        .unwrap();
    (
        file[0].as_str().unwrap_or_default().to_string(),
        file[1].as_str().unwrap_or_default().to_string(),
    )
}

/// The fact ids in the matrix on screen, in its order (waits for it, and
/// for its last row: rows are drawn a batch a task).
pub async fn matrix_fact_ids(client: &Client) -> Vec<String> {
    find(client, "[data-testid=fact-row]").await;
    wait_until(
        client,
        "return !document.querySelector('[data-testid=matrix][aria-busy]')",
    )
    .await;
    let ids = js(
        client,
        "return [...document.querySelectorAll('[data-testid=fact-link]')].map(a => a.getAttribute('href').split('/fact/')[1])",
    )
    .await;
    serde_json::from_value(ids).unwrap()
}

/// Chooses files in a file input (chromedriver reads them from disk).
pub async fn choose_files(client: &Client, css: &str, files: &[PathBuf]) {
    let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let input = client.find(Locator::Css(css)).await.unwrap();
    input.send_keys(&paths.join("\n")).await.unwrap();
}

/// A fresh copy of the release build in a temporary folder.
pub fn copy_of_dist(name: &str) -> PathBuf {
    let to = std::env::temp_dir().join(format!("parallax-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).unwrap();
    for entry in std::fs::read_dir(dist_dir()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
    to
}

/// A fresh, empty folder for this test run's files, named after `name`.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
