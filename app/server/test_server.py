"""`make test`: the sample answers /health with 200."""
import threading
import unittest
import urllib.request

import server


class HealthTest(unittest.TestCase):
    def test_health(self):
        httpd = server.serve(0)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            port = httpd.server_address[1]
            with urllib.request.urlopen("http://127.0.0.1:%d/health" % port, timeout=5) as response:
                self.assertEqual(200, response.status)
                self.assertEqual(b"ok\n", response.read())
        finally:
            httpd.shutdown()


if __name__ == "__main__":
    unittest.main()
