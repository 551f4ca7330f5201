/**
 * Technical terms `folio match` looks for in a job description, each with the
 * other ways people write it. Data, not logic: extend it freely. An alias is
 * another name for the same thing (Postgres, k8s), never a broader word: with
 * "latency" as an alias of "low latency", an ad asking for "p99 latency" was
 * reported as asking for low latency (a test holds every entry to this).
 * Plurals, and -ing/-ed inside a phrase, are matched without listing them. A term marked
 * `exact` is matched with its case (Go, Rust, Swift are also plain English).
 * Terms not listed here are still found when they are one of your own skill
 * keywords or when they look technical (GraphQL, C++, Node.js, S3).
 */
export interface LexiconTerm {
  term: string;
  aliases?: string[];
  exact?: boolean;
}

const t = (term: string, ...aliases: string[]): LexiconTerm => ({ term, aliases });
const exact = (term: string, ...aliases: string[]): LexiconTerm => ({ term, aliases, exact: true });

// biome-ignore format: a table grouped by kind, a few terms to a line, reads better than one term per line
export const LEXICON: readonly LexiconTerm[] = [
  // Languages
  t('Java'), t('Python'), exact('Go', 'Golang'), exact('Rust'), t('C++'), t('C#'), t('Scala'), t('Kotlin'),
  t('TypeScript'), t('JavaScript'), t('Ruby'), t('PHP'), exact('Swift'), t('SQL'), t('Bash', 'shell scripting'),
  t('Elixir'), t('Erlang'), t('Haskell'), t('Clojure'),
  // Frameworks and protocols
  t('Spring Boot'), t('Node.js', 'NodeJS'), t('Django'), t('Flask'), t('FastAPI'), t('Ruby on Rails', 'Rails'),
  exact('React'), t('Next.js'), t('Vue.js', 'Vue'), t('Angular'), t('gRPC'), t('GraphQL'),
  t('REST APIs', 'REST API', 'RESTful', 'REST'), t('Protobuf', 'Protocol Buffers'), t('OpenAPI'),
  t('WebSockets', 'WebSocket'),
  // Data stores and streams
  t('Kafka'), exact('Spark', 'PySpark'), t('Flink'), t('Airflow'), t('dbt'),
  t('Hadoop'), t('Hive'), t('Presto'), t('Trino'),
  t('Snowflake'), t('BigQuery'), t('Redshift'), t('Databricks'), t('Iceberg'), t('PostgreSQL', 'Postgres'), t('MySQL'),
  t('MongoDB'), t('Redis'), t('Cassandra'), t('DynamoDB'), t('Elasticsearch'), t('OpenSearch'), t('Aerospike'),
  t('ClickHouse'), t('SQLite'), t('RabbitMQ'), t('Pulsar'), t('Kinesis'), t('SQS'), t('Pub/Sub'), t('Milvus'),
  t('Pinecone'), t('FAISS'), t('pgvector'), t('Weaviate'),
  t('vector databases', 'vector database', 'vector DB', 'vector search'),
  t('embeddings'), t('feature store', 'feature stores'), t('data pipelines', 'data pipeline'),
  t('ETL', 'ELT'), t('stream processing', 'streaming'), t('batch processing'), t('data warehouse', 'data warehousing'),
  t('data lake'), t('NoSQL'),
  // Machine learning
  t('machine learning', 'ML'), t('deep learning'), t('LLMs', 'LLM', 'large language models'),
  t('NLP', 'natural language processing'),
  t('PyTorch'), t('TensorFlow'), t('Scikit-Learn', 'sklearn'), t('Pandas'), t('NumPy'), t('XGBoost'), t('MLflow'),
  t('Kubeflow'), t('SageMaker'), t('Vertex AI'), exact('Ray'), exact('Triton'), t('ONNX'),
  t('model serving'), t('inference'), t('recommendation systems', 'recommender systems'), t('recommendations'),
  t('ranking'), t('A/B testing', 'A/B tests'), t('experimentation', 'experiments'), t('feature engineering'),
  t('MLOps'), t('RAG', 'retrieval-augmented generation'), t('fine-tuning'), t('Hugging Face'), t('computer vision'),
  // Infrastructure and operations
  t('AWS'), t('GCP', 'Google Cloud'), t('Azure'), t('Kubernetes', 'k8s'), t('Docker'), t('containers'), t('Terraform'),
  exact('Helm'), t('Ansible'), t('Linux'), t('CI/CD', 'continuous integration', 'continuous delivery'), t('Jenkins'),
  t('GitHub Actions'), t('GitLab CI'), t('Argo CD', 'ArgoCD'), t('Prometheus'), t('Grafana'), t('Datadog'),
  t('OpenTelemetry'), t('Nginx'), exact('Envoy'), t('Istio'), t('serverless'),
  t('AWS Lambda', 'Lambda'), t('S3'), t('EC2'),
  t('microservices', 'microservice'), t('distributed systems'), t('event-driven', 'event driven'), t('observability'),
  t('monitoring'), t('SRE', 'site reliability'), t('on-call'), t('SLOs', 'SLO', 'SLAs', 'SLA'), t('high availability'),
  t('scalability', 'scalable'), t('low latency'), t('latency'), t('throughput', 'QPS'), t('caching', 'cache'),
  t('load balancing'), t('concurrency'), t('API design'), t('system design'), t('idempotency', 'idempotent'),
  t('message queues', 'message queue'), t('Git'), t('TDD', 'test-driven development'), t('OAuth'), t('JWT'),
  t('schema migrations', 'database migrations'),
];

/** Capitalised words and acronyms that look technical but are not (`folio match` ignores them). */
export const NOT_TECHNICAL = new Set(
  [
    'US',
    'USA',
    'UK',
    'EU',
    'EEO',
    'HR',
    'PTO',
    'CEO',
    'CTO',
    'CFO',
    'VP',
    'OK',
    'FAQ',
    'TBD',
    'B2B',
    'B2C',
    'KPI',
    'KPIs',
    'OKR',
    'OKRs',
    'ASAP',
    'LLC',
    'NYC',
    'SF',
    'EMEA',
    'APAC',
    'AM',
    'PM',
    'UTC',
    'GMT',
    'DEI',
    'ADA',
    'COVID',
    'COVID-19',
    'Q1',
    'Q2',
    'Q3',
    'Q4',
    'FY',
    'H1',
    'H2',
    'YoY',
    'iPhone',
    'iPad',
    'LinkedIn',
    'GitHub',
    'YouTube',
    'PayPal',
    'WhatsApp',
    'TikTok',
    'FedEx',
    'eBay',
    'McKinsey',
    'WFH',
  ].map((s) => s.toLowerCase()),
);
